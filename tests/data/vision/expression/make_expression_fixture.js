// Runs @vladmandic/face-api's FaceExpressionNet (its own JavaScript, TF.js CPU backend) on the committed *.npy
// inputs and writes expected.json: the 7 softmax probabilities and the 256-d pooled embedding per input.
//
//   mkdir /tmp/fx && cd /tmp/fx
//   npm install @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 @vladmandic/face-api@1.7.15
//   node /path/to/tests/data/vision/expression/make_expression_fixture.js
//
// Packages resolve from the current directory; weights come from the installed face-api package's model/ folder.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const requireHere = createRequire(path.join(process.cwd(), 'package.json'));
const faceapi = requireHere('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = faceapi.tf;
const modelDir = path.join(path.dirname(requireHere.resolve('@vladmandic/face-api/package.json')), 'model');
const inputs = ['astronaut_face', 'random_0', 'random_1', 'dlib_face'];

// Minimal .npy reader for the uint8 [H, W, 3] arrays written by make_expression_inputs.py.
function readNpyUint8(file) {
  const buf = fs.readFileSync(file);
  const headerLength = buf.readUInt16LE(8);
  const header = buf.toString('latin1', 10, 10 + headerLength);
  if (!header.includes("'descr': '|u1'") || !header.includes("'fortran_order': False")) throw new Error(`${file}: expected C-order uint8, got ${header}`);
  const shape = header.match(/'shape': \(([^)]*)\)/)[1].split(',').filter((s) => s.trim()).map(Number);
  return { shape, data: new Uint8Array(buf.buffer, buf.byteOffset + 10 + headerLength, shape.reduce((a, b) => a * b, 1)) };
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'face_expression_model-weights_manifest.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(modelDir, 'face_expression_model.bin'));
  const weightMap = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length), manifest[0].weights);
  const net = new faceapi.FaceExpressionNet();
  net.loadFromWeightMap(weightMap);

  const here = __dirname;
  const result = { source: '@vladmandic/face-api@1.7.15 FaceExpressionNet, @tensorflow/tfjs@4.22.0 cpu backend', labels: faceapi.FACE_EXPRESSION_LABELS, inputs: {} };
  for (const name of inputs) {
    const { shape, data } = readNpyUint8(path.join(here, `${name}.npy`));
    const image = tf.tensor3d(Int32Array.from(data), shape, 'int32');
    const expressions = await net.predictExpressions(image);
    const netInput = await faceapi.toNetInput(image);
    const pooled = net.faceFeatureExtractor.forwardInput(netInput);
    result.inputs[name] = {
      shape,
      probabilities: faceapi.FACE_EXPRESSION_LABELS.map((label) => expressions[label]),
      embedding: Array.from(pooled.dataSync()),
    };
    pooled.dispose();
    image.dispose();
  }
  fs.writeFileSync(path.join(here, 'expected.json'), JSON.stringify(result, null, 1) + '\n');
  for (const name of inputs) {
    const p = result.inputs[name].probabilities;
    console.log(name, result.labels[p.indexOf(Math.max(...p))], p.map((v) => v.toFixed(4)).join(' '));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
