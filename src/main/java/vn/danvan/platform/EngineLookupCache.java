package vn.danvan.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's REST API finds its engine with a new {@code ServiceLoader} on every call
 * ({@code EngineUtil.lookupProcessEngine}), at least twice per request: once in the
 * authentication filter and once for each REST resource object. Each lookup asks the class loader
 * for every {@code META-INF/services/…ProcessEngineProvider} file. In the packaged jar, that means
 * walking the ~200 nested jars. A profile of W1 (task completions over REST, README) found 11% of
 * the application's CPU there.
 *
 * <p>That file's locations cannot change while the application runs. So, for REST and webapp API
 * requests, the thread's context class loader is replaced by one that remembers them. Everything
 * else it hands to the real loader.
 */
@Configuration
class EngineLookupCache {

  static final String PROVIDER_FILE =
      "META-INF/services/org.camunda.bpm.engine.rest.spi.ProcessEngineProvider";

  @Bean
  FilterRegistrationBean<Filter> engineLookupCacheFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new LookupFilter());
    registration.setName("engine-lookup-cache");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Runs the rest of the chain with {@link RememberingLoader} as context class loader. */
  static final class LookupFilter implements Filter {
    private volatile RememberingLoader loader;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      Thread thread = Thread.currentThread();
      ClassLoader original = thread.getContextClassLoader();
      thread.setContextClassLoader(loaderFor(original));
      try {
        chain.doFilter(request, response);
      } finally {
        thread.setContextClassLoader(original);
      }
    }

    /** One remembering loader per real loader (there is one in practice). */
    RememberingLoader loaderFor(ClassLoader original) {
      RememberingLoader current = loader;
      if (current == null || current.getParent() != original) {
        current = new RememberingLoader(original);
        loader = current;
      }
      return current;
    }
  }

  /** Delegates everything to its parent and keeps the provider file's locations. */
  static final class RememberingLoader extends ClassLoader {
    private volatile List<URL> providerFiles;

    RememberingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!PROVIDER_FILE.equals(name)) {
        return super.getResources(name);
      }
      List<URL> found = providerFiles;
      if (found == null) {
        found = List.copyOf(Collections.list(super.getResources(name)));
        providerFiles = found;
      }
      return Collections.enumeration(found);
    }
  }
}
