#!/usr/bin/env python3
"""Writes the billing-shaped anomaly suite: one timestamp,value CSV per series (the input format of
`burnrate detect`) and labels.csv (the anomaly window of each series). Stdlib only, fixed seeds:
running it again rewrites the same bytes. See README.md for the cases.

    python3 tests/data/billing-anomalies/generate.py   # rewrites the files next to this script
"""
import math
import os
import random
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
HOURLY_START = datetime(2026, 1, 5, tzinfo=timezone.utc)  # a Monday
HOURLY_DAYS = 84                                          # twelve weeks
DAILY_START = datetime(2025, 1, 6, tzinfo=timezone.utc)   # a Monday
DAILY_DAYS = 364                                          # fifty-two weeks


def stamp(t):
    return t.strftime('%Y-%m-%dT%H:%M:%SZ')


class Shape:
    """How a spend series behaves when nothing is wrong."""

    def __init__(self, seed, level, growth_month=0.1, night=0.25, weekend=0.55, infra=0.1, sigma=0.1,
                 day_sigma=0.06, peak=14, batch=0.0):
        self.rng = random.Random(seed)
        self.level = level              # $ per hour (hourly) or per day (daily) at a weekday peak
        self.growth = math.log(1 + growth_month) / 30.0  # per day, compounding
        self.night = night              # night-time usage as a share of the peak
        self.weekend = weekend          # weekend usage as a share of a weekday
        self.infra = infra              # always-on spend as a share of the level (not seasonal)
        self.sigma = sigma              # hour-to-hour noise, multiplicative (lognormal)
        self.day_sigma = day_sigma      # busier and quieter days, multiplicative
        self.peak = peak                # hour of the day's peak (UTC)
        self.batch = batch              # a nightly 02:00 batch job, as a share of the level
        self.day_factor = {}

    def day_noise(self, day_index):
        if day_index not in self.day_factor:
            self.day_factor[day_index] = math.exp(self.rng.gauss(0.0, self.day_sigma))
        return self.day_factor[day_index]

    def usage_profile(self, t, hourly):
        weekday = t.weekday()
        w = self.weekend if weekday >= 5 else 1.0
        if not hourly:
            return w
        h = t.hour + 0.5
        # business hours: a bump of about 12 hours around the peak, nights at `night`
        bump = math.exp(-0.5 * ((h - self.peak) / 3.2) ** 2)
        return w * (self.night + (1.0 - self.night) * bump)

    def parts(self, t, start, hourly):
        """(usage, infra) for time t: usage is seasonal and noisy, infra steady."""
        days = (t - start).total_seconds() / 86400.0
        g = math.exp(self.growth * days)
        usage = self.level * (1 - self.infra) * g * self.usage_profile(t, hourly)
        usage *= self.day_noise(int(days)) * math.exp(self.rng.gauss(0.0, self.sigma))
        if hourly and self.batch > 0 and t.hour == 2:
            usage += self.batch * self.level * g * math.exp(self.rng.gauss(0.0, 0.05))
        infra = self.level * self.infra * g * math.exp(self.rng.gauss(0.0, 0.01))
        return usage, infra


def make(name, shape, hourly, inject=None, label=None):
    """Builds one series; inject(i, t, usage, infra) -> value may change a point."""
    start = HOURLY_START if hourly else DAILY_START
    step = HOUR if hourly else DAY
    n = HOURLY_DAYS * 24 if hourly else DAILY_DAYS
    rows = []
    for i in range(n):
        t = start + i * step
        usage, infra = shape.parts(t, start, hourly)
        value = usage + infra
        if inject:
            value = inject(i, t, usage, infra, value)
        rows.append((t, max(0.0, value)))
    return {'name': name, 'rows': rows, 'hourly': hourly, 'label': label}


def hourly_at(day, hour):
    return HOURLY_START + day * DAY + hour * HOUR


def daily_at(day):
    return DAILY_START + day * DAY


def window(kind, start, end, note):
    return {'kind': kind, 'start': start, 'end': end, 'note': note}


def spike(factor, start, hours):
    end = start + (hours - 1) * HOUR
    return (lambda i, t, u, f, v: v * factor if start <= t <= end else v), end


def usage_change(name, shape, hourly, kind, factor, at, allowance, note):
    """Usage spend times (1 + factor) from `at` on, for good (a level shift or a price change)."""
    return make(name, shape, hourly, lambda i, t, u, f, v: v + factor * u if t >= at else v,
                window(kind, at, at + allowance, note))


def zero_spend(name, shape, hourly, first, last, allowance, note):
    """No spend at all from `first` to `last` (inclusive), then back."""
    return make(name, shape, hourly, lambda i, t, u, f, v: 0.0 if first <= t <= last else v,
                window('drop', first, last + allowance, note))


def cases():
    out = []
    # --- hourly, nothing wrong (the false-alarm rate) -------------------------------------------
    normal = [
        ('h-normal-api', Shape(101, 40.0, growth_month=0.15), 'AI API spend, business hours, weekends at 55%'),
        ('h-normal-flat', Shape(102, 12.0, growth_month=0.05, night=0.7, weekend=0.85, infra=0.4, sigma=0.06),
         'mostly always-on infrastructure, a shallow daily cycle'),
        ('h-normal-noisy', Shape(103, 3.0, growth_month=0.25, night=0.1, weekend=0.35, infra=0.05, sigma=0.25,
                                 day_sigma=0.15), 'small and noisy, nights near zero, fast growth'),
        ('h-normal-batch', Shape(104, 25.0, batch=3.0), 'a nightly batch job at 02:00 (three times the daytime peak)'),
        ('h-normal-asia', Shape(105, 60.0, growth_month=-0.05, peak=3, weekend=0.7), 'peak at 03:00 UTC, shrinking 5% a month'),
    ]
    for name, shape, note in normal:
        out.append(make(name, shape, True, label=window('normal', None, None, note)))

    # a day with a late restatement: the provider posted 00:00-05:00 of day 50 as one lump at 06:00
    lump = {}
    def restate(i, t, u, f, v):
        day = (t - HOURLY_START).days
        if day == 50 and t.hour < 6:
            lump['sum'] = lump.get('sum', 0.0) + v
            return 0.0
        if day == 50 and t.hour == 6:
            return v + lump.get('sum', 0.0)
        return v
    out.append(make('h-normal-restated', Shape(106, 30.0), True, restate,
                    window('normal', None, None, 'billing texture: six night hours of day 50 posted as one lump at 06:00')))

    # --- hourly, 10x spikes (the buggy front-end) -------------------------------------------------
    spikes = [
        ('h-spike10x-1h-noon', 201, hourly_at(59, 12), 1, 'a weekday noon hour'),        # Thu
        ('h-spike10x-1h-night', 202, hourly_at(58, 3), 1, 'a weekday night hour (03:00)'),
        ('h-spike10x-1h-weekend', 203, hourly_at(61, 15), 1, 'a Saturday afternoon hour'),
        ('h-spike10x-3h', 204, hourly_at(57, 9), 3, 'three morning hours'),
        ('h-spike10x-8h', 205, hourly_at(60, 18), 8, 'eight hours from a Friday evening'),
        ('h-spike10x-30h', 206, hourly_at(57, 16), 30, 'thirty hours from a Tuesday afternoon'),
    ]
    for name, seed, start, hours, note in spikes:
        fn, end = spike(10.0, start, hours)
        out.append(make(name, Shape(seed, 20.0 + seed % 7 * 5), True, fn,
                        window('spike10x', start, end + 24 * HOUR, note)))
    fn, end = spike(3.0, hourly_at(59, 14), 2)
    out.append(make('h-spike3x-2h', Shape(207, 35.0), True, fn,
                    window('spike3x', hourly_at(59, 14), end + 24 * HOUR, 'a milder 3x spike of two afternoon hours')))

    # --- hourly, other faults --------------------------------------------------------------------
    s = hourly_at(58, 0)
    out.append(usage_change('h-levelshift-up', Shape(301, 30.0), True, 'levelshift', 0.8, s, 48 * HOUR,
                            'usage up 80% for good (a new feature calls the API)'))
    out.append(usage_change('h-levelshift-down', Shape(302, 30.0), True, 'levelshift', -0.5, s, 48 * HOUR,
                            'usage down 50% for good (a client stops calling)'))
    out.append(zero_spend('h-drop-zero-12h', Shape(303, 30.0, infra=0.0), True, hourly_at(59, 8), hourly_at(59, 19),
                          24 * HOUR, 'zero spend 08:00-19:00 on a weekday (a revoked key)'))
    out.append(zero_spend('h-drop-zero-3d', Shape(304, 30.0, infra=0.0), True, hourly_at(58, 10), hourly_at(60, 23),
                          24 * HOUR, 'zero spend for two and a half days, then back'))
    l0, ramp = hourly_at(56, 0), 14 * DAY
    def leak(i, t, u, f, v, l0=l0, ramp=ramp, size=1.0 * 30.0):
        if t < l0:
            return v
        return v + size * min(1.0, (t - l0) / ramp)
    out.append(make('h-leak', Shape(305, 30.0, growth_month=0.05), True, leak,
                    window('leak', l0, l0 + ramp, 'forgotten instances: +$30/h (the daytime peak) added over 14 days, steady spend')))
    p = hourly_at(58, 0)
    out.append(usage_change('h-price-up', Shape(306, 30.0), True, 'price', 0.3, p, 48 * HOUR,
                            'unit price up 30% at midnight'))
    out.append(usage_change('h-price-down', Shape(307, 30.0), True, 'price', -0.4, p, 48 * HOUR,
                            'unit price down 40% at midnight (a cheaper model)'))

    # --- hourly, partial trailing period ---------------------------------------------------------
    last = HOURLY_START + (HOURLY_DAYS * 24 - 1) * HOUR
    share = {last: 0.15, last - HOUR: 0.6, last - 2 * HOUR: 0.9}
    out.append(make('h-partial-edge', Shape(401, 30.0, peak=23), True,
                    lambda i, t, u, f, v: v * share.get(t, 1.0),
                    window('partial', last - 2 * HOUR, last,
                           'the last three hours still arriving: 90%, 60%, 15% of their spend (the peak hours)')))

    # --- daily -----------------------------------------------------------------------------------
    for name, seed, shape, note in [
        ('d-normal-api', 501, Shape(501, 900.0, growth_month=0.1, day_sigma=0.08, sigma=0.0), 'daily AI spend, weekends at 55%'),
        ('d-normal-cloud', 502, Shape(502, 400.0, growth_month=0.03, weekend=0.85, infra=0.5, day_sigma=0.04, sigma=0.0),
         'cloud bill, half of it always-on'),
        ('d-normal-noisy', 503, Shape(503, 60.0, growth_month=0.2, weekend=0.4, day_sigma=0.2, sigma=0.0),
         'small, noisy and fast growing'),
    ]:
        out.append(make(name, shape, False, label=window('normal', None, None, note)))
    daily = lambda seed: Shape(seed, 800.0, growth_month=0.08, day_sigma=0.08, sigma=0.0)
    d = daily_at(260)  # a Tuesday
    d3 = daily_at(263)  # a Friday
    out.append(make('d-spike10x-1d', daily(601), False, lambda i, t, u, f, v: v * 10 if t == d else v,
                    window('spike10x', d, d + 3 * DAY, 'one day at 10x')))
    out.append(make('d-spike3x-1d', daily(602), False, lambda i, t, u, f, v: v * 3 if t == d else v,
                    window('spike3x', d, d + 3 * DAY, 'one day at 3x')))
    out.append(make('d-spike10x-3d', daily(603), False,
                    lambda i, t, u, f, v: v * 10 if d3 <= t < d3 + 3 * DAY else v,
                    window('spike10x', d3, d3 + 5 * DAY, 'three days at 10x, Friday to Sunday')))
    out.append(usage_change('d-levelshift-up', daily(604), False, 'levelshift', 0.8, d, 7 * DAY, 'usage up 80% for good'))
    out.append(zero_spend('d-drop-zero-3d', daily(605), False, d, d + 2 * DAY, 3 * DAY, 'three days at zero, then back'))
    dl0 = daily_at(240)
    out.append(make('d-leak', daily(606), False,
                    lambda i, t, u, f, v: v if t < dl0 else v + 800.0 * min(1.0, (t - dl0) / (21 * DAY)),
                    window('leak', dl0, dl0 + 21 * DAY, 'forgotten instances: +$800/day added over 21 days')))
    out.append(usage_change('d-price-up', daily(607), False, 'price', 0.3, d, 7 * DAY, 'unit price up 30%'))
    dlast = daily_at(DAILY_DAYS - 1)
    out.append(make('d-partial-edge', daily(608), False,
                    lambda i, t, u, f, v: v * 0.35 if t == dlast else v,
                    window('partial', dlast, dlast, 'the last day still arriving: 35% of its spend')))
    return out


def main():
    series = cases()
    for old in os.listdir(HERE):
        if old.endswith('.csv'):
            os.remove(os.path.join(HERE, old))
    with open(os.path.join(HERE, 'labels.csv'), 'w', newline='') as f:
        f.write('series,resolution,kind,start,end,note\n')
        for s in series:
            lab = s['label']
            start = stamp(lab['start']) if lab['start'] else ''
            end = stamp(lab['end']) if lab['end'] else ''
            f.write('%s,%s,%s,%s,%s,"%s"\n' % (s['name'], 'hourly' if s['hourly'] else 'daily', lab['kind'],
                                               start, end, lab['note']))
    for s in series:
        with open(os.path.join(HERE, s['name'] + '.csv'), 'w', newline='') as f:
            f.write('timestamp,value\n')
            for t, v in s['rows']:
                f.write('%s,%.2f\n' % (stamp(t), v))


if __name__ == '__main__':
    main()
