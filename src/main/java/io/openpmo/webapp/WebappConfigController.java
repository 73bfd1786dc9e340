package io.openpmo.webapp;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Camunda webapps' supported customisation, their {@code scripts/config.js}, written for this installation:
 * dates in the configured locale, OpenPMO's additions to Tasklist ({@code scripts/openpmo/openpmo.js}: form dates
 * and date pickers in that locale, a "My requests" link, error messages that clear once a later action succeeds)
 * and links on the welcome page to the dashboard, the request page and the API documentation.
 */
@RestController
class WebappConfigController {

  private static final CacheControl REVALIDATE = CacheControl.noCache();
  private static final MediaType JAVASCRIPT = MediaType.valueOf("text/javascript;charset=UTF-8");

  private final String applicationPath;

  WebappConfigController(@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    this.applicationPath = applicationPath;
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/config.js")
  ResponseEntity<String> tasklist() {
    return script(settings() + "export default {\n"
        + "  app: { name: 'Tasklist', vendor: 'OpenPMO' },\n"
        + "  dateFormat: " + json(WebappSettings.dateFormats()) + ",\n"
        + "  customScripts: ['scripts/openpmo/openpmo.js'],\n"
        + "  shortcuts: {\n"
        + "    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },\n"
        + "    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },\n"
        + "    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },\n"
        + "    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },\n"
        + "    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }\n"
        + "  }\n"
        + "};\n");
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/cockpit/scripts/config.js")
  ResponseEntity<String> cockpit() {
    return script("export default {\n  dateFormat: " + json(WebappSettings.dateFormats()) + "\n};\n");
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/welcome/scripts/config.js")
  ResponseEntity<String> welcome() {
    return script("export default {\n"
        + "  app: { name: 'OpenPMO', vendor: 'OpenPMO' },\n"
        + "  dateFormat: " + json(WebappSettings.dateFormats()) + ",\n"
        + "  links: [\n"
        + "    { label: 'Portfolio dashboard', href: '/dashboard/', description: 'Health, gates, cycle times,"
        + " utilisation and every project: for the PMO, the committees and internal audit' },\n"
        + "    { label: 'My requests', href: '/dashboard/requests.html', description: 'The projects you requested,"
        + " sponsor or review: status, every vote and the open tasks' },\n"
        + "    { label: 'API documentation', href: '/swagger-ui.html', description: 'The REST API under /api/v1"
        + " (OpenAPI, log in with your user id and password)' }\n"
        + "  ]\n"
        + "};\n");
  }

  /** What OpenPMO's Tasklist script reads: the locale, the first day of the week, where the request pages are. */
  private String settings() {
    return "window.openpmoSettings = { locale: '" + WebappSettings.languageTag() + "', firstDayOfWeek: "
        + WebappSettings.firstDayOfWeek() + ", requestsUrl: '/dashboard/requests.html', requestUrl:"
        + " '/dashboard/request.html', applicationPath: '" + applicationPath + "' };\n";
  }

  private static String json(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + ": '" + e.getValue().replace("'", "\\'") + "'")
        .collect(Collectors.joining(", ", "{ ", " }"));
  }

  private static ResponseEntity<String> script(String body) {
    return ResponseEntity.ok().cacheControl(REVALIDATE).contentType(JAVASCRIPT).body(body);
  }
}
