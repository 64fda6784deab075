package vn.danvan;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.Arrays;
import java.util.List;
import vn.danvan.assignment.AssignmentRecords;
import vn.danvan.assignment.AssignmentRules;
import vn.danvan.assignment.ChaseType;
import vn.danvan.fanout.Fanouts;

/**
 * The layering of the packages. The blocks' Java ({@link #BLOCKS}: what the models in {@code
 * processes/blocks/} and {@code processes/directives/} call) stands on shared packages: {@code
 * org}, {@code deadline}, {@code notification}, {@code tracking}, and under them the plumbing,
 * {@code security}, {@code input} and {@code engine}. Shared packages know no block, a block knows
 * no other block except through the entry points named here, plumbing knows no feature, and no
 * package depends on itself round a cycle.
 */
@AnalyzeClasses(packages = "vn.danvan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final List<String> BLOCKS =
      List.of(
          "assignment",
          "fanout",
          "periodic",
          "review",
          "evaluation",
          "adhoc",
          "skilful",
          "inspection",
          "directive");

  /** What the blocks share ({@code security} too: it knows the registry's roles). */
  static final List<String> SHARED =
      List.of("org", "deadline", "notification", "tracking", "security", "attachment", "document");

  static final List<String> PLUMBING = List.of("input", "engine", "task");

  @ArchTest
  static final ArchRule sharedPackagesKnowNoBlock =
      noClasses()
          .that()
          .resideInAnyPackage(packages(SHARED, PLUMBING))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages(BLOCKS))
          .because("a block builds on the shared packages, never the other way round");

  /**
   * The entry points through which one block uses another, each because the models compose them so:
   *
   * <ul>
   *   <li>a fan-out gives many bodies the work an assignment gives one: it checks that work as the
   *       assignment does ({@link AssignmentRules}) and hands a body over to a full assignment when
   *       it asks for an extension, must be confirmed or is returned ({@link AssignmentRecords});
   *   <li>fan-outs and "Dân vận khéo" quotas chase as an assignment does: the same escalation
   *       ({@link ChaseType});
   *   <li>a periodic report opens a fan-out per period and ends it with the period ({@link
   *       Fanouts}).
   * </ul>
   *
   * Any other use of one block by another fails here.
   */
  @ArchTest
  static final ArchRule blocksUseEachOtherOnlyThroughEntryPoints =
      slices()
          .matching("vn.danvan.(*)..")
          .that(describe("are blocks", (Slice slice) -> BLOCKS.contains(slice.getNamePart(1))))
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              resideInAPackage("vn.danvan.fanout.."), equivalentTo(AssignmentRules.class))
          .ignoreDependency(
              resideInAPackage("vn.danvan.fanout.."), equivalentTo(AssignmentRecords.class))
          .ignoreDependency(resideInAPackage("vn.danvan.fanout.."), equivalentTo(ChaseType.class))
          .ignoreDependency(resideInAPackage("vn.danvan.skilful.."), equivalentTo(ChaseType.class))
          .ignoreDependency(resideInAPackage("vn.danvan.periodic.."), equivalentTo(Fanouts.class));

  @ArchTest
  static final ArchRule plumbingKnowsNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage(packages(PLUMBING))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages(BLOCKS, SHARED))
          .because("reading input and running the engine are the same whatever the feature");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("vn.danvan.(*)..").should().beFreeOfCycles();

  @SafeVarargs
  private static String[] packages(List<String>... names) {
    return Arrays.stream(names)
        .flatMap(List::stream)
        .map(name -> "vn.danvan." + name + "..")
        .toArray(String[]::new);
  }
}
