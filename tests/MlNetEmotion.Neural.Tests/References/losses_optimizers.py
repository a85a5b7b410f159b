import torch
torch.set_printoptions(precision=8)
x = torch.tensor([[0.5,-1.0,2.0,0.1],[1.5,0.3,-0.7,0.0],[-0.2,0.4,0.9,-1.1]], requires_grad=True)
t = torch.tensor([2,0,3])
w = torch.tensor([1.0,2.0,0.5,1.5])
for kw in [dict(), dict(weight=w), dict(label_smoothing=0.1), dict(weight=w,label_smoothing=0.2), dict(reduction='sum', label_smoothing=0.1), dict(reduction='none', weight=w, label_smoothing=0.3)]:
    x.grad=None
    l = torch.nn.functional.cross_entropy(x, t, **kw)
    l.sum().backward()
    print(kw.keys(), l.detach().flatten().tolist(), x.grad.flatten().tolist())
# optimizers: minimise sum((p*c - 1)^2) style
def run(optf, steps=5):
    p = torch.tensor([0.5,-1.5,2.0,0.25], requires_grad=True)
    c = torch.tensor([1.0,2.0,-0.5,3.0])
    opt = optf([p])
    for _ in range(steps):
        opt.zero_grad()
        loss = ((p*c-1)**2).sum()
        loss.backward()
        opt.step()
    return p.detach().tolist()
print('sgd', run(lambda ps: torch.optim.SGD(ps, lr=0.01)))
print('sgdm', run(lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, weight_decay=0.1)))
print('sgdn', run(lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, nesterov=True)))
print('sgdd', run(lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, dampening=0.3)))
print('adam', run(lambda ps: torch.optim.Adam(ps, lr=0.1)))
print('adamwd', run(lambda ps: torch.optim.Adam(ps, lr=0.1, weight_decay=0.1, amsgrad=True)))
print('adamw', run(lambda ps: torch.optim.AdamW(ps, lr=0.1, weight_decay=0.1)))
print(torch.__version__)
