package io.openpmo.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that a client library would refuse or normalise (an encoded
 * slash, {@code ..}, a null byte in the path, a wrong content type): the bytes go out as written.
 */
public final class RawHttp {

  private RawHttp() {
  }

  public static Reply send(int port, String method, String target, String user, String contentType, String body) {
    return send(port, method, target, user, contentType, body, java.util.Map.of());
  }

  public static Reply send(int port, String method, String target, String user, String contentType, String body,
      Map<String, String> headers) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n")
        .append("Accept: application/json, application/problem+json\r\n")
        .append("Connection: close\r\n");
    if (user != null) {
      head.append("Authorization: Basic ").append(Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return Reply.parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }

  /** Status, headers (lower-case names) and the decoded body. */
  public record Reply(int status, Map<String, String> headers, String body) {

    static Reply parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest)
          : new String(rest, StandardCharsets.UTF_8);
      return new Reply(status, headers, body);
    }

    private static String dechunk(byte[] rest) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int i = 0;
      while (i < rest.length) {
        int lineEnd = i;
        while (lineEnd + 1 < rest.length && !(rest[lineEnd] == '\r' && rest[lineEnd + 1] == '\n')) {
          lineEnd++;
        }
        String sizeText = new String(rest, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
        int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
        if (size == 0) {
          break;
        }
        out.write(rest, lineEnd + 2, size);
        i = lineEnd + 2 + size + 2;
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public JsonNode json() {
      try {
        return Http.JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    public boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + body;
    }
  }
}
