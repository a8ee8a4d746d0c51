"""torch optimizers with step hooks: the helper's fast step must still run every hook."""
import torch
from torch.optim.optimizer import register_optimizer_step_pre_hook


class Hooked_SGD(torch.optim.SGD):
    """SGD with a post hook of its own, which prints after every step."""

    def __init__(self, params, **keywords):
        super().__init__(params, **keywords)
        self.register_step_post_hook(lambda optimizer, args, kwargs: print("post hook"))


class Globally_Hooked_SGD(torch.optim.SGD):
    """SGD that, once built, registers a global pre hook (it runs for every optimizer)."""

    def __init__(self, params, **keywords):
        super().__init__(params, **keywords)
        register_optimizer_step_pre_hook(lambda optimizer, args, kwargs: print("global pre hook"))
