package io.openpmo.closure;

import io.openpmo.project.Project;

/**
 * Renders a closing project's final report as PDF. Implemented on the read side (package {@code report}, which
 * knows how to report on a whole project), so that closure does not depend on it.
 */
public interface FinalReportRenderer {

  byte[] renderPdf(Project project);
}
