"""Students' Adam optimizers: one right, the mistakes courses see most, and ones that raise, hang or print."""
import torch


class My_Adam(torch.optim.Optimizer):
    """Adam as torch writes it (bias corrections applied to copies)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(p.grad, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                self.update(p, group, m, v, t)
        return loss

    def update(self, p, group, m, v, t):
        beta1, beta2 = group["betas"]
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        p.sub_(group["lr"] * m_hat / (v_hat.sqrt() + group["eps"]))


class Compounding_Adam(My_Adam):
    """Bias correction stored back into the moments: it compounds from step 2."""

    def update(self, p, group, m, v, t):
        beta1, beta2 = group["betas"]
        m.div_(1 - beta1**t)
        v.div_(1 - beta2**t)
        p.sub_(group["lr"] * m / (v.sqrt() + group["eps"]))


class Unused_Correction_Adam(My_Adam):
    """Bias-corrected moments computed, then the raw ones used."""

    def update(self, p, group, m, v, t):
        beta1, beta2 = group["betas"]
        m_hat = m / (1 - beta1**t)  # noqa: F841
        v_hat = v / (1 - beta2**t)  # noqa: F841
        p.sub_(group["lr"] * m / (v.sqrt() + group["eps"]))


class Raising_Adam(My_Adam):
    """Raises at its third step."""

    def update(self, p, group, m, v, t):
        if t == 3:
            raise ZeroDivisionError("float division by zero")
        super().update(p, group, m, v, t)


class Hanging_Adam(My_Adam):
    """Never returns from its second step."""

    def update(self, p, group, m, v, t):
        import os
        if t >= 2 and os.environ.get("OPTISCOPE_HANG_MARKER"):
            open(os.environ["OPTISCOPE_HANG_MARKER"], "w").close()
        while t >= 2:
            pass
        super().update(p, group, m, v, t)


class Chatty_Adam(My_Adam):
    """Prints every step, to stdout and stderr, escape sequences included."""

    def update(self, p, group, m, v, t):
        import sys
        print("step", t, "\x1b[31mred\x1b[0m")
        print("to stderr", t, file=sys.stderr)
        super().update(p, group, m, v, t)


class Small_Eps_Adam(My_Adam):
    """A wrong default: eps=1e-6 where torch's Adam has 1e-8."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6):
        super().__init__(params, lr=lr, betas=betas, eps=eps)
