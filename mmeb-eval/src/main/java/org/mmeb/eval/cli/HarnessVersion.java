package org.mmeb.eval.cli;

import org.mmeb.eval.result.HarnessBuild;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the harness version recorded in provenance. */
public final class HarnessVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"mmeb-eval " + HarnessBuild.version()};
  }
}
