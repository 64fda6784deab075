package vn.danvan.engine;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Two service lookups the engine repeats on every request or timer. In the packaged jar each one
 * walks the ~200 nested jars. Profiles of W1 (task completions over REST, README) found 11% of the
 * application's CPU in the first and, once that was fixed, 6.5% in the second:
 *
 * <ul>
 *   <li>Camunda's REST API finds its engine with a new {@code ServiceLoader} on every call ({@code
 *       EngineUtil.lookupProcessEngine}), at least twice per request: once in the authentication
 *       filter and once for each REST resource object. For REST and webapp API requests, the
 *       thread's context class loader is replaced by one that reads that provider file once and
 *       keeps its text; everything else goes to the real loader.
 *   <li>Each timer asks JAXP for a new {@code DatatypeFactory} (Camunda's {@code DurationHelper}),
 *       which searches the class path for a service file unless the system property names the
 *       factory. At start-up the property is set to the factory that search finds, so every later
 *       call gets the same factory without the search.
 * </ul>
 *
 * The files and the factory cannot change while the application runs.
 */
@Configuration
class ServiceLookups {

  static final String PROVIDER_FILE =
      "META-INF/services/org.camunda.bpm.engine.rest.spi.ProcessEngineProvider";

  @Bean
  static ProcessEnginePlugin datatypeFactoryPin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        pinDatatypeFactory();
      }
    };
  }

  /** Names the factory JAXP finds, so that it is not searched for again. */
  static void pinDatatypeFactory() {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      try {
        System.setProperty(
            DatatypeFactory.DATATYPEFACTORY_PROPERTY,
            DatatypeFactory.newInstance().getClass().getName());
      } catch (DatatypeConfigurationException e) {
        throw new IllegalStateException("no XML datatype factory", e);
      }
    }
  }

  @Bean
  FilterRegistrationBean<Filter> engineLookupFilter() {
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

  /** Delegates everything to its parent and keeps the provider files' text. */
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
        List<URL> read = new ArrayList<>();
        for (URL file : Collections.list(super.getResources(name))) {
          read.add(inMemory(file));
        }
        found = List.copyOf(read);
        providerFiles = found;
      }
      return Collections.enumeration(found);
    }
  }

  /** The same address, read once: opening it again serves the text kept in memory. */
  static URL inMemory(URL file) throws IOException {
    byte[] text;
    try (InputStream in = file.openStream()) {
      text = in.readAllBytes();
    }
    return new URL(
        null,
        file.toString(),
        new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL address) {
            return new URLConnection(address) {
              @Override
              public void connect() {}

              @Override
              public InputStream getInputStream() {
                return new ByteArrayInputStream(text);
              }
            };
          }
        });
  }
}
