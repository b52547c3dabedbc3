package org.ganscan.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ganscan.fingerprint.Fingerprint;
import org.ganscan.score.Verdict;

/**
 * The outcome for one input file. An error is a value, never a crash: the batch goes on.
 *
 * @param path the input path exactly as the user gave or the folder walk produced it
 * @param sha256 of the file's bytes; null when the file could not be read
 * @param error null unless status is {@link Status#ERROR}
 * @param width null when the size could not be read
 * @param format container format by content, null when unknown
 * @param fingerprint what grouping compares, computed from the decoded pixels; null when the file
 *     could not be decoded
 * @param overlayError why the evidence picture (overlay) could not be written, or null; the
 *     measurement and verdict stand either way
 * @param stages the analysis stages that ran on the decoded image, in order (see {@link
 *     Pipeline#STAGE_DETECT} and the others); without {@link Pipeline#STAGE_PERSON_MASK} the cascade
 *     settled the verdict without the person mask and the traits that need it
 * @param uri where the file is, byte-exact and absolute ({@link #uriOf}); null for bytes scanned
 *     from memory
 */
public record ScanResult(
    String path, String sha256, Status status, String error, Integer width, Integer height, String format,
    List<FaceResult> faces, Verdict verdict, Fingerprint fingerprint, String overlayError, String uri, List<String> stages) {
  public ScanResult {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(verdict, "verdict");
    faces = List.copyOf(faces);
    stages = stages == null ? List.of() : List.copyOf(stages);
    if ((status == Status.ERROR) != (error != null)) {
      throw new IllegalArgumentException("an error message is given exactly when status is error");
    }
    if (status == Status.OK && faces.isEmpty()) {
      throw new IllegalArgumentException("status ok needs at least one face");
    }
  }

  /** An error record for a file the batch had to give up on (its bytes were never read, or never finished). */
  public static ScanResult failed(String path, String message) {
    return new ScanResult(path, null, Status.ERROR, message, null, null, null, List.of(), Verdict.notApplicable(message), null, null, null, List.of());
  }

  /** The same result noting that its overlay could not be written. */
  public ScanResult withOverlayError(String message) {
    return new ScanResult(path, sha256, status, error, width, height, format, faces, verdict, fingerprint, message, uri, stages);
  }

  /** The same result located at {@code file} ({@link #uriOf}). */
  public ScanResult at(java.nio.file.Path file) {
    return new ScanResult(path, sha256, status, error, width, height, format, faces, verdict, fingerprint, overlayError, uriOf(file), stages);
  }

  /** The same result located at {@code uri} (a file on another file system, as its own URI). */
  public ScanResult withUri(String uri) {
    return new ScanResult(path, sha256, status, error, width, height, format, faces, verdict, fingerprint, overlayError, uri, stages);
  }

  /**
   * A file's absolute {@code file:} URI, built from the name's bytes as the file system holds them
   * (every byte outside ASCII letters, digits and a few marks percent-encoded), so it opens the same
   * file again whatever the name's encoding and the reader's locale, where the path's text may not.
   */
  public static String uriOf(java.nio.file.Path file) {
    return file.toAbsolutePath().toUri().toASCIIString();
  }

  /** The largest face, the one the verdict is about. */
  public Optional<FaceResult> mainFace() {
    return faces.stream().findFirst();
  }

  /** Per-file status. */
  public enum Status {
    OK("ok"),
    NO_FACE("no_face"),
    ERROR("error");

    private final String json;

    Status(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }

    public static Status fromJson(String s) {
      for (Status st : values()) {
        if (st.json.equals(s)) {
          return st;
        }
      }
      throw new IllegalArgumentException("unknown status: " + s);
    }
  }
}
