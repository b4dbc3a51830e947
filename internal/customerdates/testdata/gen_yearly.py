#!/usr/bin/env python3
"""Regenerates yearly-dateutil.txt with python-dateutil (Debian: python3-dateutil).

For every day of 1896 (a leap year) and of 1899 (a common year) as date of
birth, and for a set of years around the century rules (1900 and 2100 are
common years, 2000 is a leap year), it writes where dateutil's relativedelta
puts the birthday (years added: 29 February becomes 28 February in common
years), the same with a 29 February birthday counted as the day after
28 February (1 March in common years), and the half birthday (six months added, clipped to the
end of the month). "-" means none in that year.

Usage: python3 gen_yearly.py > yearly-dateutil.txt
"""
from datetime import date, timedelta
from dateutil.relativedelta import relativedelta

YEARS = [1896, 1899, 1900, 2000, 2023, 2024, 2100]

print("# birth year birthday(feb28) birthday(mar1) half-birthday  (python-dateutil relativedelta)")
for birth_year in (1896, 1899):
    d = date(birth_year, 1, 1)
    while d.year == birth_year:
        for y in YEARS:
            if y < birth_year:
                continue
            if y > birth_year:
                feb28 = d + relativedelta(years=y - birth_year)
                mar1 = feb28
                if (d.month, d.day) == (2, 29):
                    # the day after the 28th: 1 March in common years, the 29th in leap years
                    mar1 = (d - timedelta(days=1)) + relativedelta(years=y - birth_year) + timedelta(days=1)
                b28, b01 = feb28.isoformat(), mar1.isoformat()
            else:
                b28 = b01 = "-"
            half = "-"
            for k in range(0, 2 * (y - birth_year) + 2):
                h = d + relativedelta(months=6 + 12 * k)
                if h.year == y:
                    half = h.isoformat()
                    break
                if h.year > y:
                    break
            print(d.isoformat(), y, b28, b01, half)
        d += timedelta(days=1)
