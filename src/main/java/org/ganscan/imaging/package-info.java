/** All OpenCV code: decoding, resampling, warps, drawing and TFLite networks through OpenCV DNN. */
package org.ganscan.imaging;
