/** Batch grouping: shared landmark templates, reused photos and shared generator traces. */
package org.ganscan.group;
