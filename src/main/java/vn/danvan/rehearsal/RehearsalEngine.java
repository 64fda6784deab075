package vn.danvan.rehearsal;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineServicesConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.DanVanApplication;

/**
 * The application's own beans (every package under {@code vn.danvan}, as the application scans
 * them) on an engine of their own: in-memory H2, audit history as in production, the application's
 * engine plugins, no job executor (the run executes the jobs itself). No web layer, no start-up
 * runners, no schedules, no Spring Boot auto-configuration but the mail sender's; beans are made
 * when first used. A rehearsal ({@link RehearsalMain}) runs on it, and so do the process tests
 * (their subclass adds flow-node coverage).
 *
 * <p>Not a {@code @Configuration}: the application's own scan of {@code vn.danvan} would find it
 * and add a second engine to the application.
 */
@ComponentScan(
    basePackageClasses = DanVanApplication.class,
    excludeFilters =
        @Filter(
            type = FilterType.ANNOTATION,
            classes = {SpringBootApplication.class, RestController.class, ControllerAdvice.class}))
@ImportAutoConfiguration(MailSenderAutoConfiguration.class)
@Import(SpringProcessEngineServicesConfiguration.class)
public class RehearsalEngine {

  /**
   * Starts the engine of {@code configuration} (this class or a subclass) with these settings
   * before any other (the beans' {@code danvan.*} settings); closed as the JVM ends.
   */
  public static ConfigurableApplicationContext start(
      Class<? extends RehearsalEngine> configuration, Map<String, Object> settings) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("rehearsal-settings", settings));
    context.register(configuration);
    context.refresh();
    context.registerShutdownHook();
    return context;
  }

  /** The engine's name and its in-memory database's. */
  protected String name() {
    return "rehearsal";
  }

  /** The engine's configuration before it is set up (a subclass adds coverage). */
  protected SpringProcessEngineConfiguration newConfiguration() {
    return new SpringProcessEngineConfiguration();
  }

  @Bean
  static LazyInitializationBeanFactoryPostProcessor lazyBeans() {
    return new LazyInitializationBeanFactoryPostProcessor();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource() {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:h2:mem:" + name() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUsername("sa");
    return dataSource;
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  /** The application's engine plugins, with Spin and the product's tables (no Liquibase here). */
  @Bean
  SpringProcessEngineConfiguration processEngineConfiguration(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      ObjectProvider<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration = newConfiguration();
    configuration.setProcessEngineName(name());
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactionManager);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("audit");
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setReevaluateTimeCycleWhenDue(true);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.getProcessEnginePlugins().add(new ProductSchemaPlugin());
    plugins.orderedStream().forEach(configuration.getProcessEnginePlugins()::add);
    return configuration;
  }

  @Bean
  ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration configuration) {
    ProcessEngineFactoryBean factory = new ProcessEngineFactoryBean();
    factory.setProcessEngineConfiguration(configuration);
    return factory;
  }
}
