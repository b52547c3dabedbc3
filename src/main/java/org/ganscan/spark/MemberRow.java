package org.ganscan.spark;

import java.io.Serializable;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.group.FaceLandmarks;
import org.ganscan.group.Member;
import org.ganscan.records.ScanRecord;
import org.ganscan.records.ScanRecords;

/**
 * What grouping needs of one record, in a form Spark can ship: the member's landmarks and
 * fingerprint, taken from the scan (no image is decoded again).
 */
record MemberRow(long index, String path, String sha256, int width, int height, double[] landmarks,
    long[] whole, long[] face, double colourfulness, Double interocular, double[] spectrum, long[] centres) implements Serializable {

  static MemberRow of(long index, ScanRecord r) {
    Member m = ScanRecords.member(r);
    double[] l = null;
    if (m.landmarks() != null) {
      l = new double[12];
      var p = m.landmarks().points();
      for (int k = 0; k < 6; k++) {
        l[2 * k] = p.get(k).u();
        l[2 * k + 1] = p.get(k).v();
      }
    }
    Fingerprint f = m.fingerprint();
    return new MemberRow(index, m.path(), m.sha256(), m.width(), m.height(), l,
        f == null ? null : f.whole(), f == null ? null : f.face(), f == null ? 0 : f.colourfulness(),
        f == null ? null : f.interocular(), f == null ? null : f.spectrum(), f == null ? null : f.centres());
  }

  boolean printed() {
    return whole != null;
  }

  Fingerprint fingerprint() {
    return whole == null ? null : new Fingerprint(whole, face, colourfulness, interocular, spectrum, centres);
  }

  Member member() {
    return new Member(path, sha256, width, height, landmarks == null ? null : FaceLandmarks.of(landmarks), fingerprint());
  }
}
