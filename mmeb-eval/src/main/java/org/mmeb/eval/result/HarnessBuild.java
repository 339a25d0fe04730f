package org.mmeb.eval.result;

/** The harness version recorded in provenance: from the jar manifest when packaged. */
public final class HarnessBuild {
  private HarnessBuild() {}

  public static String version() {
    String v = HarnessBuild.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
