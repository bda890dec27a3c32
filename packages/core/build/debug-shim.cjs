// simple-peer logs through `debug`; the SDK does not ship that logger (size). A disabled no-op.
module.exports = function createDebug() {
  const log = () => {};
  log.enabled = false;
  return log;
};
