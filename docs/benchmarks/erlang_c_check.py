#!/usr/bin/env python3
"""Independent check of ErlangCTest's expected values (issue 22, item 6).

Computes Erlang B and Erlang C with the textbook factorial formulas (not the recursion
ErlangC.java uses), so a slip in either shows as a difference. Run: python3 erlang_c_check.py
"""
from math import exp, factorial


def erlang_b(n, a):
    return (a**n / factorial(n)) / sum(a**k / factorial(k) for k in range(n + 1))


def erlang_c(n, a):
    top = a**n / factorial(n) * n / (n - a)
    return top / (sum(a**k / factorial(k) for k in range(n)) + top)


def service_level(n, a, aht, t):
    return 1 - erlang_c(n, a) * exp(-(n - a) * t / aht)


def asa(n, a, aht):
    return erlang_c(n, a) * aht / (n - a)


if __name__ == "__main__":
    print(f"B(10 lines, 10 E)     = {erlang_b(10, 10):.6f}   (test: 0.2146)")
    print(f"B(5 lines, 2 E)       = {erlang_b(5, 2):.6f}   (test: 0.0367)")
    print(f"B(15 lines, 8.108 E)  = {erlang_b(15, 8.108):.6f}   (erlang.com manual: 1% blocking)")
    print(f"C(3 agents, 2 E)      = {erlang_c(3, 2):.6f}   (textbook: 4/9 = 0.4444)")
    for n in (11, 12, 13, 14):
        print(
            f"10 E, {n} agents: P(wait) {erlang_c(n, 10):.6f}"
            f"  SL20 {service_level(n, 10, 180, 20):.6f}"
            f"  SL30 {service_level(n, 10, 180, 30):.6f}"
            f"  ASA {asa(n, 10, 180):.3f} s"
        )
