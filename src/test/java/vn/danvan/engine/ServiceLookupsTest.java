package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The engine's repeated service lookups are answered from what was found once, as before. */
class ServiceLookupsTest {

  /** The real class loader, counting how often it is asked for each kind of resource list. */
  static final class CountingLoader extends ClassLoader {
    final AtomicInteger providerLookups = new AtomicInteger();
    final AtomicInteger otherLookups = new AtomicInteger();

    CountingLoader() {
      super(ServiceLookupsTest.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      (ServiceLookups.PROVIDER_FILE.equals(name) ? providerLookups : otherLookups)
          .incrementAndGet();
      return super.getResources(name);
    }
  }

  @Test
  void theProviderIsFoundAsBeforeAndItsFileLookedUpOnce() throws Exception {
    CountingLoader real = new CountingLoader();
    ServiceLookups.LookupFilter filter = new ServiceLookups.LookupFilter();
    List<String> providers = new ArrayList<>();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(real);
    try {
      for (int request = 0; request < 3; request++) {
        filter.doFilter(
            new MockHttpServletRequest(),
            new MockHttpServletResponse(),
            (req, res) -> {
              for (ProcessEngineProvider p : ServiceLoader.load(ProcessEngineProvider.class)) {
                providers.add(p.getClass().getName());
              }
              try {
                Collections.list(
                    Thread.currentThread()
                        .getContextClassLoader()
                        .getResources("META-INF/services/java.sql.Driver"));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
        assertThat(thread.getContextClassLoader()).isSameAs(real);
      }
    } finally {
      thread.setContextClassLoader(before);
    }
    List<String> withoutFilter = new ArrayList<>();
    ServiceLoader.load(ProcessEngineProvider.class, real)
        .forEach(p -> withoutFilter.add(p.getClass().getName()));
    assertThat(withoutFilter)
        .contains("org.camunda.bpm.spring.boot.starter.rest.spi.SpringBootProcessEngineProvider");
    List<String> expected = new ArrayList<>();
    for (int request = 0; request < 3; request++) {
      expected.addAll(withoutFilter);
    }
    assertThat(providers).isEqualTo(expected);
    assertThat(real.providerLookups).hasValue(2); // once for the three requests, once above
    assertThat(real.otherLookups.get()).isGreaterThanOrEqualTo(3); // each request reached it
  }

  @Test
  void theRealLoaderIsBackAfterAFailedRequest() {
    ClassLoader real = new CountingLoader();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(real);
    try {
      assertThatThrownBy(
              () ->
                  new ServiceLookups.LookupFilter()
                      .doFilter(
                          new MockHttpServletRequest(),
                          new MockHttpServletResponse(),
                          (req, res) -> {
                            throw new IllegalStateException("the resource failed");
                          }))
          .hasMessage("the resource failed");
      assertThat(thread.getContextClassLoader()).isSameAs(real);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void theDatatypeFactoryIsNamedOnceFound() throws Exception {
    String key = javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY;
    String before = System.clearProperty(key);
    try {
      String found = javax.xml.datatype.DatatypeFactory.newInstance().getClass().getName();
      ServiceLookups.pinDatatypeFactory();
      assertThat(System.getProperty(key)).isEqualTo(found);
      assertThat(javax.xml.datatype.DatatypeFactory.newInstance())
          .isNotNull()
          .extracting(f -> f.getClass().getName())
          .isEqualTo(found);
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }
}
