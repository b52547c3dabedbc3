/** One measurable GAN trait per class, each with a value, a 0..1 score and a sentence an analyst reads. */
package org.ganscan.trait;
