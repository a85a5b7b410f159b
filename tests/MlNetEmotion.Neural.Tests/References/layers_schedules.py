import torch, math
torch.set_printoptions(precision=10)
F=torch.nn.functional
def L(t): return [round(v,9) for v in t.detach().flatten().tolist()]
x = torch.tensor([[0.5,-1.0,2.0,0.1],[1.5,0.3,-0.7,0.0],[-0.2,0.4,0.9,-1.1]], requires_grad=True)
t = torch.tensor([2,0,3])
# focal loss gamma=2 per-sample alpha
a = torch.tensor([1.0, 1.5, 2.0])
logpt = F.log_softmax(x,1).gather(1,t[:,None]).squeeze(1)
fl = (-a*(1-logpt.exp())**2*logpt).mean()
fl.backward(); print('focal', fl.item(), L(x.grad)); x.grad=None
y = torch.tensor([[1.,0,1,0],[0,0,1,1],[1,1,0,0]])
pw = torch.tensor([1.0,2.0,0.5,3.0])
b = F.binary_cross_entropy_with_logits(x, y, pos_weight=pw); b.backward(); print('bce', b.item(), L(x.grad)); x.grad=None
g = F.gelu(torch.tensor([-3.0,-1.0,-0.1,0.0,0.5,2.0])); print('gelu', L(g))
e = F.elu(torch.tensor([-3.0,-1.0,0.5])); s = F.selu(torch.tensor([-3.0,-1.0,0.5])); print('elu', L(e), 'selu', L(s))
# batchnorm train
torch.manual_seed(0)
inp = torch.tensor([float(v) for v in range(24)]).reshape(2,3,2,2).sin()*3
inp.requires_grad_(True)
bn = torch.nn.BatchNorm2d(3); 
with torch.no_grad(): bn.weight.copy_(torch.tensor([1.0,2.0,0.5])); bn.bias.copy_(torch.tensor([0.1,-0.2,0.3]))
out = bn(inp); w = torch.arange(24.).reshape(2,3,2,2).cos()
(out*w).sum().backward()
print('bn_out', L(out)); print('bn_gx', L(inp.grad)); print('bn_gw', L(bn.weight.grad), 'bn_gb', L(bn.bias.grad)); print('bn_rm', L(bn.running_mean), 'bn_rv', L(bn.running_var), bn.num_batches_tracked.item())
bn.eval(); print('bn_eval', L(bn(inp)))
ln = torch.nn.LayerNorm([2,2])
with torch.no_grad(): ln.weight.copy_(torch.tensor([[1.0,2.0],[0.5,-1.0]])); ln.bias.copy_(torch.tensor([[0.1,-0.2],[0.3,0.0]]))
inp.grad=None
o2 = ln(inp); (o2*w).sum().backward(); print('ln_out', L(o2)); print('ln_gx', L(inp.grad)); print('ln_gw', L(ln.weight.grad))
# RMSprop
def run(optf, steps=5):
    p = torch.tensor([0.5,-1.5,2.0,0.25], requires_grad=True)
    c = torch.tensor([1.0,2.0,-0.5,3.0])
    opt = optf([p])
    for _ in range(steps):
        opt.zero_grad(); loss = ((p*c-1)**2).sum(); loss.backward(); opt.step()
    return p.detach().tolist()
print('rms', run(lambda ps: torch.optim.RMSprop(ps, lr=0.01)))
print('rmsc', run(lambda ps: torch.optim.RMSprop(ps, lr=0.01, momentum=0.9, centered=True, weight_decay=0.1)))
p = torch.nn.Parameter(torch.zeros(1)); opt = torch.optim.SGD([p], lr=0.1)
for name, sch in [('step', lambda o: torch.optim.lr_scheduler.StepLR(o, 3, 0.5)), ('multi', lambda o: torch.optim.lr_scheduler.MultiStepLR(o, [2,5], 0.1)), ('cos', lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, 4, 0.01))]:
    opt = torch.optim.SGD([p], lr=0.1); s = sch(opt); lrs=[]
    for _ in range(8): opt.step(); s.step(); lrs.append(s.get_last_lr()[0])
    print(name, lrs)
a1 = torch.nn.Parameter(torch.zeros(3)); a2 = torch.nn.Parameter(torch.zeros(2))
a1.grad = torch.tensor([3.0,-4.0,1.0]); a2.grad=torch.tensor([2.0,2.0])
n = torch.nn.utils.clip_grad_norm_([a1,a2], 1.0); print('clip', n.item(), L(a1.grad), L(a2.grad))
print('gelu_tanh', L(F.gelu(torch.tensor([-3.0,-1.0,-0.1,0.0,0.5,2.0]), approximate='tanh')))
