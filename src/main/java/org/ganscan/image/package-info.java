/** Decoding input files into pixels, by content, with their sha256: the evidence as read. */
package org.ganscan.image;
