"""300 simulated learners for `make bench` (run headless by bench/run.py).

Each simulated learner carries one of the signed-in sessions bench/prepare.py made
(BENCH_LOCUST_DATA names the JSON file with the cookies and the paths) and, with
2–8 s of think time between pages, visits the home page, the catalogue, a course, a
lesson and "Moje kursy".
"""

import itertools
import json
import os

from locust import HttpUser, between, task

with open(os.environ["BENCH_LOCUST_DATA"]) as data_file:
    DATA = json.load(data_file)
COOKIES = itertools.cycle(DATA["load_cookies"])
PATHS = DATA["load_paths"]


class Learner(HttpUser):
    wait_time = between(2, 8)

    def on_start(self):
        name, value = next(COOKIES).split("=", 1)
        self.client.cookies.set(name, value)

    def visit(self, key):
        self.client.get(PATHS[key], name=key)

    @task(2)
    def home(self):
        self.visit("home")

    @task(2)
    def catalogue(self):
        self.visit("catalogue")

    @task(2)
    def course(self):
        self.visit("course")

    @task(3)
    def lesson(self):
        self.visit("lesson")

    @task(2)
    def dashboard(self):
        self.visit("dashboard")
