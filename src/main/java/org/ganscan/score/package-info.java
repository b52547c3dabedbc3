/** Combining trait scores into a per-image probability and verdict. */
package org.ganscan.score;
