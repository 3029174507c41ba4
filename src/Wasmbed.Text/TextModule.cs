namespace Wasmbed.Text;
