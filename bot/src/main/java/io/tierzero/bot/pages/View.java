package io.tierzero.bot.pages;

import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.Map;

/**
 * A page to render: a template under {@code bot/src/main/jte} and its parameters. The templates are
 * compiled with the build and escape every value unless a template says otherwise.
 */
public final class View {
  private View() {}

  /**
   * The template {@code name} (its path without {@code .jte}) with parameters given as name, value
   * pairs. A null value is allowed: it is how a template hears "nothing to show".
   */
  public static ModelAndView<Map<String, Object>> of(String name, Object... params) {
    if (params.length % 2 != 0)
      throw new IllegalArgumentException("params must be name, value pairs");
    var model = new HashMap<String, Object>();
    for (int i = 0; i < params.length; i += 2) model.put((String) params[i], params[i + 1]);
    return new ModelAndView<>(name, model);
  }
}
