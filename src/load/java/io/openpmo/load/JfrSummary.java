package io.openpmo.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a JDK Flight Recorder recording: the execution samples counted by the method on top of the
 * stack (self time), and by the methods anywhere on the stack (total time) for OpenPMO's code, the engine's parts
 * and the libraries it calls. A JVM records 64 frames of a stack unless started with
 * {@code -XX:FlightRecorderOptions:stackdepth=}: with deeper stacks the outer areas (Spring Security, the engine's
 * REST resources) are undercounted. Open the .jfr file in JDK Mission Control for the whole picture.
 */
final class JfrSummary {

  /** Buckets for the total time, matched against any frame of a sample (first match in this order wins per bucket). */
  static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put("HTTP Basic: password check (identity service)", "org.camunda.bpm.engine.impl.cmd.CheckPassword");
    AREAS.put("engine authorization checks", "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager");
    AREAS.put("engine queries (Java API)", "org.camunda.bpm.engine.impl.AbstractQuery");
    AREAS.put("task listeners (ours: governance, reviews)", "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity"
        + ".invokeListener");
    AREAS.put("FEEL (Scala FEEL engine)", "org.camunda.feel.");
    AREAS.put("DMN evaluation", "org.camunda.bpm.dmn.engine.impl.DefaultDmnDecisionContext");
    AREAS.put("BPMN deployment cache / parsing", "org.camunda.bpm.engine.impl.bpmn.parser");
    AREAS.put("form JSON (GovernanceCommandGuard)", "io.openpmo.security.FormFields");
    AREAS.put("task eligibility", "io.openpmo.task.TaskEligibility");
    AREAS.put("project governance (state machine)", "io.openpmo.project.ProjectGovernance");
    AREAS.put("audit trail: recording events", "io.openpmo.audit.AuditTrail");
    AREAS.put("audit: sealing and signing (background)", "io.openpmo.audit.AuditSealer");
    AREAS.put("engine flush (SQL of the engine)", "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush");
    AREAS.put("engine command context close", "org.camunda.bpm.engine.impl.interceptor.CommandContext.close");
    AREAS.put("MyBatis (engine and ours)", "org.apache.ibatis.");
    AREAS.put("PostgreSQL JDBC driver", "org.postgresql.");
    AREAS.put("Jackson JSON", "com.fasterxml.jackson.");
    AREAS.put("Spring Security filter chain", "org.springframework.security.web.FilterChainProxy");
    AREAS.put("JSON responses (Spring MVC message converters)",
        "org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter.writeInternal");
    AREAS.put("JUEL expressions", "org.camunda.bpm.impl.juel.");
    AREAS.put("engine REST (JAX-RS)", "org.camunda.bpm.engine.rest.");
    AREAS.put("OpenPMO code (any)", "io.openpmo.");
  }

  static String summarize(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> areas = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> owners = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", "").replaceAll("-exec$", ""), 1,
          Integer::sum);
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      owners.merge(owner(frames), 1, Integer::sum);
      for (Map.Entry<String, String> area : AREAS.entrySet()) {
        for (RecordedFrame frame : frames) {
          if (name(frame).startsWith(area.getValue())) {
            areas.merge(area.getKey(), 1, Integer::sum);
            break;
          }
        }
      }
    }
    int total = samples;
    StringBuilder out = new StringBuilder("Execution samples: " + total + "\n\nTotal time by area (a sample counts"
        + " in every area on its stack):\n");
    AREAS.keySet().forEach(area -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n",
        100.0 * areas.getOrDefault(area, 0) / Math.max(1, total), area)));
    out.append("\nSelf time by owner (the innermost frame of OpenPMO or Camunda on the stack, else the library"
        + " whose code runs):\n");
    owners.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
            e.getKey())));
    out.append("\nBy thread (request threads: http-nio):\n");
    threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
        .forEach(e -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
            e.getKey())));
    out.append("\nSelf time, top methods:\n");
    self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(e -> out.append(String.format(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
            e.getKey())));
    return out.toString();
  }

  /**
   * Who a sample's work is for: OpenPMO ({@code io.openpmo}) or Camunda ({@code org.camunda}: engine, DMN, FEEL,
   * JUEL, REST), whichever is innermost on the stack, so that the engine's SQL through MyBatis and the driver counts
   * as Camunda's and our mappers' as OpenPMO's; a stack with neither (request handling before it reaches either,
   * background threads) counts as its innermost library's.
   */
  static String owner(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("io.openpmo.")) {
        return "OpenPMO";
      }
      if (type.startsWith("org.camunda.")) {
        return "Camunda (engine, DMN, FEEL, JUEL, REST) with the SQL it runs";
      }
    }
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        String[] parts = type.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
      }
    }
    return "JDK only";
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  public static void main(String[] args) throws IOException {
    System.out.println(summarize(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 40));
  }

  private JfrSummary() {
  }
}
