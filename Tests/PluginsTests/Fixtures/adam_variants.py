import torch

class Base(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                s = self.state[p]
                if not s:
                    s["step"] = 0
                    s["exp_avg"] = torch.zeros_like(p)
                    s["exp_avg_sq"] = torch.zeros_like(p)
                s["step"] += 1
                t = s["step"]
                m, v = s["exp_avg"], s["exp_avg_sq"]
                self.update(p, group, m, v, t, b1, b2)
        return loss

    def moments(self, p, m, v, b1, b2):
        m.mul_(b1).add_(p.grad, alpha=1 - b1)
        v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)

# correct, differently rounded
class Hat(Base):
    """m_hat / (sqrt(v_hat) + eps): the textbook form."""
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        mh = m / (1 - b1**t); vh = v / (1 - b2**t)
        p.sub_(g["lr"] * mh / (vh.sqrt() + g["eps"]))

class Kingma(Base):
    """Kingma & Ba's efficient form: alpha_t = lr*sqrt(1-b2^t)/(1-b1^t), eps scaled."""
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        c2 = (1 - b2**t) ** 0.5
        alpha = g["lr"] * c2 / (1 - b1**t)
        p.sub_(alpha * m / (v.sqrt() + g["eps"] * c2))

class Torch_Form(Base):
    """torch's own arithmetic."""
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        denom = (v.sqrt() / ((1 - b2**t) ** 0.5)).add_(g["eps"])
        p.addcdiv_(m, denom, value=-g["lr"] / (1 - b1**t))

class Lerp(Base):
    """m.lerp_ and math.sqrt: what some write."""
    def update(self, p, g, m, v, t, b1, b2):
        import math
        m.lerp_(p.grad, 1 - b1)
        v.mul_(b2).add_((1 - b2) * p.grad * p.grad)
        mh = m / (1 - b1**t)
        vh = v / (1 - b2**t)
        p.add_(-g["lr"] * mh / (torch.sqrt(vh) + g["eps"]))

# bugs
class Eps_In_Root(Base):
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        mh = m / (1 - b1**t); vh = v / (1 - b2**t)
        p.sub_(g["lr"] * mh / (vh + g["eps"]).sqrt())

class Compounding(Base):
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        m.div_(1 - b1**t); v.div_(1 - b2**t)
        p.sub_(g["lr"] * m / (v.sqrt() + g["eps"]))

class Unused(Base):
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        mh = m / (1 - b1**t); vh = v / (1 - b2**t)
        p.sub_(g["lr"] * m / (v.sqrt() + g["eps"]))

class No_V_Correction(Base):
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        mh = m / (1 - b1**t)
        p.sub_(g["lr"] * mh / (v.sqrt() + g["eps"]))

class Eps_Squared(Base):
    """eps added to v_hat before the root, as eps**2: a common 'stability' variant."""
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        mh = m / (1 - b1**t); vh = v / (1 - b2**t)
        p.sub_(g["lr"] * mh / ((vh + g["eps"]**2).sqrt()))

class Eps_Big(Base):
    """eps 1e-6 hard-coded instead of the group's 1e-8."""
    def update(self, p, g, m, v, t, b1, b2):
        self.moments(p, m, v, b1, b2)
        mh = m / (1 - b1**t); vh = v / (1 - b2**t)
        p.sub_(g["lr"] * mh / (vh.sqrt() + 1e-6))
