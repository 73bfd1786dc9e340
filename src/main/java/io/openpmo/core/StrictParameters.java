package io.openpmo.core;

import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters read as strictly as bodies: a flag is {@code true} or {@code false}, nothing else (Spring would
 * also take yes, on, 1 and their opposites). A bad value is a 400 naming the parameter.
 */
@ControllerAdvice(basePackages = "io.openpmo")
class StrictParameters {

  @InitBinder
  void strictFlags(WebDataBinder binder) {
    binder.registerCustomEditor(Boolean.class, new CustomBooleanEditor("true", "false", true));
    binder.registerCustomEditor(boolean.class, new CustomBooleanEditor("true", "false", false));
  }
}
