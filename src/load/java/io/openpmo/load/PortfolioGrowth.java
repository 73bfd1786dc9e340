package io.openpmo.load;

/** Placeholder. */
final class PortfolioGrowth {
  private final LoadRig rig;

  PortfolioGrowth(LoadRig rig) {
    this.rig = rig;
  }

  String run(int projects) {
    return "";
  }
}
