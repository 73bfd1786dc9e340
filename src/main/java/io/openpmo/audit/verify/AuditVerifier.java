package io.openpmo.audit.verify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an export of the audit trail ({@code GET /api/v1/audit/export}) offline, trusting nothing
 * the server says: it recomputes the leaf of every event, rebuilds the Merkle tree, checks the root of
 * every exported checkpoint and its Ed25519 signature, and checks that every checkpoint an auditor kept
 * earlier (files as {@code GET /api/v1/audit/checkpoints/latest} returned them) is a state of the same
 * history. A changed, removed, reordered or inserted event, or a history rewritten after a kept
 * checkpoint, makes it fail.
 *
 * <pre>
 * java -cp target/classes io.openpmo.audit.verify.AuditVerifier [--key PUBLIC_KEY]... export.json [kept.json ...]
 * </pre>
 *
 * {@code --key} pins the public key (base64 X.509, or {@code @file}): checkpoints must then be signed by a
 * pinned key, not merely by a key the export brings along. Exit code 0: intact; 1: problems found;
 * 2: wrong usage or unreadable input. JDK only.
 */
public final class AuditVerifier {

  public static final String EXPORT_FORMAT = "openpmo-audit-export/1";
  private static final int MAX_PRINTED_PROBLEMS = 50;

  /** What the verification found. */
  public record Report(boolean intact, String origin, long events, int checkpoints, int keptCheckpoints,
      List<String> keyIds, List<String> problems) {
  }

  /** A checkpoint to hold the events against: from the export, or kept by the auditor. */
  private record Claim(Checkpoint checkpoint, String source, boolean kept) {
  }

  private AuditVerifier() {
  }

  /**
   * Verifies the export read from {@code export} against the checkpoints the auditor kept (source name to
   * checkpoint), with the pinned keys if any (otherwise the export's own keys).
   *
   * @throws IOException when the export is not readable (not JSON, not an export, fields of the wrong type)
   */
  public static Report verify(Reader export, Map<String, Checkpoint> kept, List<PublicKey> pinned)
      throws IOException {
    return new Run(kept, pinned).read(new JsonReader(export));
  }

  /** Reads a kept checkpoint (a JSON object with origin, treeSize, rootHash, timestamp, keyId, signature). */
  public static Checkpoint readCheckpoint(Reader reader) throws IOException {
    JsonReader json = new JsonReader(reader);
    Object value = json.readValue();
    json.end();
    if (!(value instanceof Map<?, ?> map)) {
      throw new IOException("a checkpoint is a JSON object");
    }
    return checkpoint(map, "the checkpoint");
  }

  private static final class Run {
    private final Map<String, Checkpoint> kept;
    private final Map<String, PublicKey> pinned = new LinkedHashMap<>();
    private final Map<String, PublicKey> exportedKeys = new LinkedHashMap<>();
    private final List<Checkpoint> exported = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String origin;
    private Long declaredSize;
    private boolean keysRead;
    private boolean checkpointsRead;
    private boolean eventsRead;
    private long events;

    Run(Map<String, Checkpoint> kept, List<PublicKey> pinnedKeys) {
      this.kept = kept;
      pinnedKeys.forEach(key -> pinned.put(AuditKeys.keyId(key), key));
    }

    Report read(JsonReader json) throws IOException {
      json.beginObject();
      for (String name = json.nextName(); name != null; name = json.nextName()) {
        switch (name) {
          case "format" -> {
            Object format = json.readValue();
            if (!EXPORT_FORMAT.equals(format)) {
              throw new IOException("not an OpenPMO audit export (format " + format + ", expected " + EXPORT_FORMAT + ")");
            }
          }
          case "origin" -> origin = text(json.readValue(), "origin");
          case "treeSize" -> declaredSize = number(json.readValue(), "treeSize");
          case "publicKeys" -> readKeys(json);
          case "checkpoints" -> readCheckpoints(json);
          case "events" -> readEvents(json);
          default -> json.readValue();
        }
      }
      json.end();
      if (!eventsRead) {
        throw new IOException("the export has no events array");
      }
      return new Report(problems.isEmpty(), origin, events, exported.size(), kept.size(),
          List.copyOf(exportedKeys.keySet()), List.copyOf(problems));
    }

    private void readKeys(JsonReader json) throws IOException {
      json.beginArray();
      while (json.nextElement()) {
        Map<?, ?> entry = object(json.readValue(), "a public key");
        String keyId = text(entry.get("keyId"), "publicKeys.keyId");
        PublicKey key;
        try {
          key = AuditKeys.publicKey(text(entry.get("publicKey"), "publicKeys.publicKey"));
        } catch (IllegalArgumentException e) {
          problems.add("public key " + keyId + " is not a valid Ed25519 key");
          continue;
        }
        if (!AuditKeys.keyId(key).equals(keyId)) {
          problems.add("public key " + keyId + " does not have that id (its id is " + AuditKeys.keyId(key) + ")");
          continue;
        }
        exportedKeys.put(keyId, key);
      }
      keysRead = true;
    }

    private void readCheckpoints(JsonReader json) throws IOException {
      json.beginArray();
      while (json.nextElement()) {
        exported.add(checkpoint(object(json.readValue(), "a checkpoint"), "checkpoints"));
      }
      checkpointsRead = true;
    }

    private void readEvents(JsonReader json) throws IOException {
      if (!keysRead || !checkpointsRead || origin == null) {
        throw new IOException("the export must give origin, publicKeys and checkpoints before its events");
      }
      List<Claim> claims = claims();
      int next = 0;
      long lastGood = 0;
      int laterMismatches = 0;
      boolean mismatched = false;
      CompactRange tree = new CompactRange();
      CompactRange.Sink ignore = (level, index, hash) -> { };
      json.beginArray();
      while (json.nextElement()) {
        Map<?, ?> event = object(json.readValue(), "an event");
        long expected = events + 1;
        long seq = number(event.get("seq"), "events.seq");
        long id = number(event.get("id"), "events.id");
        if (seq != expected) {
          problems.add("event seq " + seq + " (id " + id + ") is where seq " + expected + " should be: "
              + (seq > expected ? "events before it were removed or moved" : "an event was inserted, repeated or moved"));
        }
        byte[] leaf = EventLeaf.leafHash(id, text(event.get("occurredAt"), "events.occurredAt"),
            text(event.get("actor"), "events.actor"),
            nullableText(event.get("actorSubject"), "events.actorSubject"),
            nullableText(event.get("actorIssuer"), "events.actorIssuer"), text(event.get("action"), "events.action"),
            nullableNumber(event.get("projectId"), "events.projectId"),
            nullableText(event.get("projectCode"), "events.projectCode"), text(event.get("details"), "events.details"));
        Object stated = event.get("leafHash");
        if (stated != null && !Merkle.hex(leaf).equals(stated)) {
          problems.add("event seq " + seq + " (id " + id + ") does not match its leaf hash: it was changed");
        }
        tree.append(leaf, ignore);
        events++;
        while (next < claims.size() && claims.get(next).checkpoint().treeSize() == events) {
          Claim claim = claims.get(next++);
          if (Arrays.equals(Merkle.unhex(claim.checkpoint().rootHash()), tree.root())) {
            lastGood = Math.max(lastGood, events);
          } else if (mismatched && !claim.kept()) {
            laterMismatches++;
          } else {
            mismatched |= !claim.kept();
            problems.add(claim.kept()
                ? claim.source() + " (tree size " + events + ", " + claim.checkpoint().timestamp()
                    + ") does not match the export: the history up to seq " + events + " was rewritten after it was kept"
                : claim.source() + " does not match the exported events: an event among seq " + (lastGood + 1) + ".."
                    + events + " was changed, removed, inserted or reordered");
          }
        }
      }
      eventsRead = true;
      if (laterMismatches > 0) {
        problems.add(laterMismatches + " later checkpoints do not match the exported events either");
      }
      for (Claim claim : claims.subList(next, claims.size())) {
        problems.add(claim.source() + " covers " + claim.checkpoint().treeSize() + " events but the export holds "
            + events + ": events were removed");
      }
      if (declaredSize != null && declaredSize != events) {
        problems.add("the export says it holds " + declaredSize + " events but it holds " + events);
      }
      long signed = exported.stream().mapToLong(Checkpoint::treeSize).filter(size -> size <= events).max().orElse(0);
      if (signed < events) {
        problems.add("events seq " + (signed + 1) + ".." + events + " are not covered by any signed checkpoint: "
            + "they were added behind the log's back, or checkpoints were removed");
      }
    }

    /** Every checkpoint, exported and kept, with its signature and origin checked; by tree size. */
    private List<Claim> claims() {
      List<Claim> claims = new ArrayList<>();
      long previous = 0;
      for (Checkpoint checkpoint : exported) {
        if (checkpoint.treeSize() <= previous) {
          problems.add("checkpoint at tree size " + checkpoint.treeSize() + " is out of order in the export");
        }
        previous = Math.max(previous, checkpoint.treeSize());
        claims.add(new Claim(checkpoint, "checkpoint at tree size " + checkpoint.treeSize()
            + " (" + checkpoint.timestamp() + ")", false));
      }
      kept.forEach((source, checkpoint) -> claims.add(new Claim(checkpoint, "kept checkpoint " + source, true)));
      for (Claim claim : claims) {
        Checkpoint checkpoint = claim.checkpoint();
        if (checkpoint.treeSize() < 1) {
          problems.add(claim.source() + " has tree size " + checkpoint.treeSize());
        }
        if (!checkpoint.origin().equals(origin)) {
          problems.add(claim.source() + " belongs to the log '" + checkpoint.origin() + "', not to '" + origin + "'");
        }
        PublicKey key = (pinned.isEmpty() ? exportedKeys : pinned).get(checkpoint.keyId());
        if (key == null) {
          problems.add(claim.source() + " is signed by key " + checkpoint.keyId() + ", which "
              + (pinned.isEmpty() ? "the export does not contain" : "is not a trusted key"));
        } else if (!checkpoint.signedBy(key)) {
          problems.add(claim.source() + " has a signature that does not verify with key " + checkpoint.keyId());
        }
      }
      claims.removeIf(claim -> claim.checkpoint().treeSize() < 1);
      claims.sort(Comparator.comparingLong((Claim claim) -> claim.checkpoint().treeSize()));
      return claims;
    }
  }

  private static Checkpoint checkpoint(Map<?, ?> map, String where) throws IOException {
    String root = text(map.get("rootHash"), where + ".rootHash");
    if (!root.matches("[0-9a-f]{64}")) {
      throw new IOException(where + ".rootHash must be 64 hex digits");
    }
    return new Checkpoint(text(map.get("origin"), where + ".origin"), number(map.get("treeSize"), where + ".treeSize"),
        root, text(map.get("timestamp"), where + ".timestamp"), text(map.get("keyId"), where + ".keyId"),
        text(map.get("signature"), where + ".signature"));
  }

  private static Map<?, ?> object(Object value, String what) throws IOException {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IOException("expected " + what + " (a JSON object)");
  }

  private static String text(Object value, String field) throws IOException {
    if (value instanceof String text) {
      return text;
    }
    throw new IOException(field + " must be a string");
  }

  private static String nullableText(Object value, String field) throws IOException {
    return value == null ? null : text(value, field);
  }

  private static long number(Object value, String field) throws IOException {
    if (value instanceof Long number) {
      return number;
    }
    throw new IOException(field + " must be a whole number");
  }

  private static Long nullableNumber(Object value, String field) throws IOException {
    return value == null ? null : number(value, field);
  }

  public static void main(String[] args) {
    List<PublicKey> pinned = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--key") && i + 1 < args.length) {
          String key = args[++i];
          pinned.add(AuditKeys.publicKey(key.startsWith("@")
              ? Files.readString(Path.of(key.substring(1)), StandardCharsets.UTF_8) : key));
        } else if (args[i].startsWith("-")) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        } else {
          files.add(Path.of(args[i]));
        }
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no export file");
      }
    } catch (IllegalArgumentException | IOException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: java -cp target/classes " + AuditVerifier.class.getName()
          + " [--key PUBLIC_KEY_BASE64|@FILE]... export.json [kept-checkpoint.json ...]");
      System.exit(2);
      return;
    }
    Report report;
    try {
      Map<String, Checkpoint> kept = new LinkedHashMap<>();
      for (Path file : files.subList(1, files.size())) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          kept.put(file.toString(), readCheckpoint(reader));
        }
      }
      try (Reader reader = Files.newBufferedReader(files.get(0), StandardCharsets.UTF_8)) {
        report = verify(reader, kept, pinned);
      }
    } catch (IOException e) {
      System.err.println("Cannot read the input: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("Audit log '" + report.origin() + "': " + report.events() + " events, " + report.checkpoints()
        + " signed checkpoints, " + report.keptCheckpoints() + " kept checkpoints, keys " + report.keyIds()
        + (pinned.isEmpty() ? " (taken from the export; pin one with --key)" : " (pinned: "
            + pinned.stream().map(AuditKeys::keyId).toList() + ")"));
    if (report.intact()) {
      System.out.println("INTACT: every event is in its place in the tree, every checkpoint matches it and is signed,"
          + " and every kept checkpoint is a state of this history.");
      System.exit(0);
    }
    System.out.println("NOT INTACT: " + report.problems().size() + " problem(s)");
    report.problems().stream().limit(MAX_PRINTED_PROBLEMS).forEach(problem -> System.out.println("  - " + problem));
    if (report.problems().size() > MAX_PRINTED_PROBLEMS) {
      System.out.println("  ... and " + (report.problems().size() - MAX_PRINTED_PROBLEMS) + " more");
    }
    System.exit(1);
  }
}
