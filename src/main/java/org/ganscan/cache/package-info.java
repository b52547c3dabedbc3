/** A versioned, checksummed on-disk cache for native libraries and model files unpacked from the jar. */
package org.ganscan.cache;
