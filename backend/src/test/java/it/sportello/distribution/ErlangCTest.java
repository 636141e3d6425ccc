package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Erlang C against published figures.
 *
 * <ul>
 *   <li>Erlang B: the standard Erlang B table (e.g. V. B. Iversen, <i>Teletraffic Engineering and
 *       Network Planning</i>, DTU / ITU-D handbook, table of Erlang's B-formula): 10 Erlangs on 10
 *       lines block 21.46% of calls; 2 Erlangs on 5 lines 3.67%.
 *   <li>Erlang C: the worked example of Call Centre Helper's "Erlang C Formula – Made Simple With
 *       an Easy Worked Example" (100 calls in 30 minutes, 180 s handling time, so 10 Erlangs;
 *       target 20 s): with 11 agents 68.21% of calls wait; 14 agents answer 88.84% within 20 s, the
 *       first count above 80%.
 * </ul>
 */
class ErlangCTest {

  @Test
  void erlangBMatchesTheTable() {
    assertThat(ErlangC.blocking(10, 10)).isCloseTo(0.2146, within(0.00005));
    assertThat(ErlangC.blocking(5, 2)).isCloseTo(0.0367, within(0.00005));
  }

  @Test
  void waitProbabilityAndServiceLevelMatchTheWorkedExample() {
    double traffic = ErlangC.traffic(100, 180, 1800);
    assertThat(traffic).isEqualTo(10.0);
    assertThat(ErlangC.waitProbability(11, traffic)).isCloseTo(0.6821, within(0.00005));
    assertThat(ErlangC.serviceLevel(14, traffic, 180, 20)).isCloseTo(0.8884, within(0.00005));
    assertThat(ErlangC.serviceLevel(13, traffic, 180, 20)).isLessThan(0.80);
    assertThat(ErlangC.agentsFor(100, 180, 1800, 0.80, 20)).isEqualTo(14);
  }

  @Test
  void theContractsLevelNeedsMoreAgentsThanEightyTwenty() {
    // 90% within 30 s on the same traffic: 14 agents give 1 - 0.1741·e^(-4·30/180) = 91.06%
    assertThat(ErlangC.agentsFor(100, 180, 1800, 0.90, 30)).isEqualTo(14);
    assertThat(ErlangC.serviceLevel(13, 10, 180, 30)).isLessThan(0.90);
  }

  @Test
  void noCallsNeedNoAgentsAndTooFewAgentsNeverAnswerInTime() {
    assertThat(ErlangC.agentsFor(0, 180, 3600, 0.9, 30)).isZero();
    assertThat(ErlangC.waitProbability(10, 10)).isEqualTo(1.0);
    assertThat(ErlangC.serviceLevel(9, 10, 180, 30)).isZero();
    assertThat(ErlangC.averageSpeedOfAnswer(11, 10, 180)).isCloseTo(122.8, within(0.1));
  }
}
