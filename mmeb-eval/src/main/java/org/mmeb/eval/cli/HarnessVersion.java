package org.mmeb.eval.cli;

import picocli.CommandLine.IVersionProvider;

/** The harness version, from the jar manifest when packaged. */
public final class HarnessVersion implements IVersionProvider {
  public static String version() {
    String v = HarnessVersion.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"mmeb-eval " + version()};
  }
}
