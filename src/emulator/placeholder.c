/* placeholder until the emulator core lands */
int spotc_emu_placeholder;
