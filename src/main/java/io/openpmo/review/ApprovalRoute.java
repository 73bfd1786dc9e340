package io.openpmo.review;

import io.openpmo.security.Groups;
import java.util.Collection;
import java.util.List;

/**
 * The approvals the approvalRouting decision asked for, without duplicates (several rules may name
 * the same group) and in the order of the policy: functional reviews, which run in parallel, then the
 * committees, which decide one after the other (steering, then executive).
 */
public record ApprovalRoute(List<String> functionalGroups, List<String> committeeGroups) {

  static final List<String> FUNCTIONAL_ORDER = List.of(Groups.PMO, Groups.FINANCE, Groups.RISK, Groups.COMPLIANCE,
      Groups.INFOSEC);
  static final List<String> COMMITTEE_ORDER = List.of(Groups.STEERING_COMMITTEE, Groups.EXECUTIVE_COMMITTEE);

  public static ApprovalRoute of(Collection<String> approverGroups) {
    for (String group : approverGroups) {
      if (!FUNCTIONAL_ORDER.contains(group) && !COMMITTEE_ORDER.contains(group)) {
        throw new IllegalArgumentException("approvalRouting named an unknown approver group: " + group);
      }
    }
    List<String> functional = FUNCTIONAL_ORDER.stream().filter(approverGroups::contains).toList();
    if (!functional.contains(Groups.PMO)) {
      // the policy always asks the PMO; a table edited without it must not skip the office
      functional = java.util.stream.Stream.concat(java.util.stream.Stream.of(Groups.PMO), functional.stream()).toList();
    }
    return new ApprovalRoute(functional, COMMITTEE_ORDER.stream().filter(approverGroups::contains).toList());
  }

  public List<String> all() {
    return java.util.stream.Stream.concat(functionalGroups.stream(), committeeGroups.stream()).toList();
  }
}
