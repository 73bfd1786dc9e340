package io.openpmo.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail's subject and body with {@code {name}} placeholders, filled in one pass from named values (a value is
 * written as {@code String.valueOf}, a placeholder in a value stays as it is). The services that tell people about a
 * step keep their texts as constants of this type; delegates only call the service.
 */
public record MailTemplate(String subject, String body) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  /** The message to these users and the members of these groups, the placeholders filled. */
  public Notifier.Message to(Collection<String> users, Collection<String> groups, Map<String, ?> values) {
    return new Notifier.Message(users, groups, fill(subject, values), fill(body, values));
  }

  /** The message to these users, the placeholders filled. */
  public Notifier.Message toUsers(Collection<String> users, Map<String, ?> values) {
    return to(users, List.of(), values);
  }

  /** The message to the members of these groups, the placeholders filled. */
  public Notifier.Message toGroups(Collection<String> groups, Map<String, ?> values) {
    return to(List.of(), groups, values);
  }

  /** Named values in order, {@code null} allowed: {@code values("code", code, "title", title)}. */
  public static Map<String, Object> values(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  /** The text with every {@code {name}} replaced; a name without a value is a programming error. */
  public static String fill(String template, Map<String, ?> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("No value for {" + name + "} in the mail template");
      }
      placeholder.appendReplacement(text, Matcher.quoteReplacement(String.valueOf(values.get(name))));
    }
    placeholder.appendTail(text);
    return text.toString();
  }
}
