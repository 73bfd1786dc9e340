package io.openpmo.project;

import java.util.List;

/**
 * A page of the portfolio as one viewer may see it: everything for the portfolio readers (PMO,
 * committees, auditors, integrations), otherwise the projects the viewer requested, sponsors, manages,
 * reviewed or whose approval their groups give.
 */
public record ProjectSearch(ProjectStatus status, PriorityClass priorityClass, RiskTier riskTier, ProjectPhase phase,
    String viewer, List<String> viewerGroups, boolean seesAll, int limit, int offset) {
}
