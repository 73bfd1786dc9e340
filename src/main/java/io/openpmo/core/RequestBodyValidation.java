package io.openpmo.core;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every request body of our API is checked against the field rules of its record ({@link Constraints})
 * as soon as it is read, before the controller runs: a text longer than its column, an amount beyond
 * NUMERIC(19,2) or a null inside a list never reaches a service or the database. Records marked
 * {@link CheckedInService} are checked by their service, with the business rules, in one answer.
 */
@ControllerAdvice(basePackages = "io.openpmo")
class RequestBodyValidation extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    if (body != null && !body.getClass().isAnnotationPresent(CheckedInService.class)) {
      Constraints.check(body);
    }
    return body;
  }
}
