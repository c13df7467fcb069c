package io.tierzero.bot.management;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.beans.BeanDefinitionData;
import io.micronaut.management.endpoint.beans.BeanDefinitionDataCollector;
import io.micronaut.management.endpoint.beans.BeansEndpoint;
import io.micronaut.management.endpoint.beans.impl.DefaultBeanDefinitionDataCollector;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /beans} shows, when an operator turns it on. Micronaut's own listing keys each bean
 * by the class of its definition, and every bean registered at run time (the Flyway instance, the
 * environment) shares one such class, so it failed with a duplicate key: a 500 on every call. Here
 * a shared key is told apart by the bean's type.
 */
@Singleton
@Replaces(DefaultBeanDefinitionDataCollector.class)
@Requires(beans = BeansEndpoint.class)
final class BeanListing implements BeanDefinitionDataCollector<Map<String, Object>> {
  private final BeanContext beanContext;
  private final BeanDefinitionData<Map<String, Object>> beanDefinitionData;

  BeanListing(BeanContext beanContext, BeanDefinitionData<Map<String, Object>> beanDefinitionData) {
    this.beanContext = beanContext;
    this.beanDefinitionData = beanDefinitionData;
  }

  @Override
  public Map<String, Object> getData() {
    var beans = new LinkedHashMap<String, Object>();
    beanContext.getAllBeanDefinitions().stream()
        .sorted(Comparator.comparing(d -> d.getClass().getName()))
        .forEach(
            definition -> {
              var key = definition.getClass().getName();
              if (beans.containsKey(key)) key += "(" + definition.getBeanType().getName() + ")";
              for (int n = 2; beans.containsKey(key); n++)
                key = key.replaceFirst("#\\d+$", "") + "#" + n;
              beans.put(key, beanDefinitionData.getData(definition));
            });
    List<Map<String, Object>> disabled =
        beanContext.getDisabledBeans().stream()
            .map(
                bean -> {
                  var entry = new LinkedHashMap<String, Object>();
                  entry.put("type", bean.type().getTypeName());
                  if (bean.qualifier() != null) entry.put("qualifier", bean.qualifier().toString());
                  entry.put("reasons", bean.reasons());
                  return (Map<String, Object>) entry;
                })
            .toList();
    var data = new LinkedHashMap<String, Object>();
    data.put("beans", beans);
    data.put("disabled", disabled);
    return data;
  }
}
