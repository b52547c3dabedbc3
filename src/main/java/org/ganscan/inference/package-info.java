/** All ONNX Runtime and Deep Java Library code, the model catalogue and the native-library cache. */
package org.ganscan.inference;
