# Run by a POST_BUILD step: write `spotc completion SHELL` for each shell into OUT.
file(MAKE_DIRECTORY ${OUT})
foreach(pair "bash;spotc" "zsh;_spotc" "fish;spotc.fish")
  list(GET pair 0 shell)
  list(GET pair 1 name)
  execute_process(COMMAND ${SPOTC} completion ${shell} OUTPUT_FILE ${OUT}/${name}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "spotc completion ${shell} failed (${rc})")
  endif()
endforeach()
