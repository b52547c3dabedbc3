/** Face detection (BlazeFace), dense landmarks (Face Mesh) and the person mask (selfie segmentation). */
package org.ganscan.face;
