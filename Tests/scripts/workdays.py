#!/usr/bin/env python3
"""Prints the working days of 2019-2026 according to the chinese_calendar package (an
independent source for the calendar gongshi ships), one ISO date per line."""
import datetime
import chinese_calendar

day = datetime.date(2019, 1, 1)
while day.year <= 2026:
    if chinese_calendar.is_workday(day):
        print(day.isoformat())
    day += datetime.timedelta(days=1)
