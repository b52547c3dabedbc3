package org.ganscan.image;

/** A file that cannot be read as an image; the message names the reason and is shown to the user. */
public final class ImageException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
