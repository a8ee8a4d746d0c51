"""Plug-ins that fail at the edges: a constructor that hangs, steps that exit or interrupt."""
import os
import sys
import time

import torch


class Base(torch.optim.Optimizer):
    def __init__(self, params, lr=0.1):
        super().__init__(params, dict(lr=lr))


class Hangs_In_Init(Base):
    def __init__(self, params, lr=0.1):
        time.sleep(1000)


class Exits_In_Step(Base):
    @torch.no_grad()
    def step(self, closure=None):
        sys.exit(3)


class Interrupted_In_Step(Base):
    @torch.no_grad()
    def step(self, closure=None):
        raise KeyboardInterrupt


class Ends_Its_Process(Base):
    @torch.no_grad()
    def step(self, closure=None):
        os._exit(7)
