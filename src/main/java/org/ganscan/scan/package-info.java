/** The per-file pipeline and the batch runner: files in, one result value per file out. */
package org.ganscan.scan;
