/** Per-image fingerprints for grouping (perceptual hashes, colourfulness, noise-spectrum trace), computed once in the scan. */
package org.ganscan.fingerprint;
