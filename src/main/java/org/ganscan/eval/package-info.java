/** Labelled-folder evaluation and fitting: degraded copies, cross-validation, metrics. */
package org.ganscan.eval;
