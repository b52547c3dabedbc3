/** Writing scan results as JSON Lines and CSV. */
package org.ganscan.report;
